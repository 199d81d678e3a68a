/** Where the content lives, relative to the project root (the working directory of every npm script). */
import { resolve } from 'node:path';

export const CONTENT_DIR = resolve(process.env.CONTENT_DIR ?? 'content');
