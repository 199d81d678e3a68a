/** Setup file of the unit tests: the folders a test file made with tempDir() go when the file is done. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp.ts';

afterAll(removeTempDirs);
