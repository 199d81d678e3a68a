/** The topics compared across bureaus (src/core/compare.ts topicYears) and their page titles. */
import type { TopicKey } from '../core/compare.ts';

export const TOPIC_TITLES: Record<TopicKey, string> = {
  'three-public': '“三公”经费',
  'operating-cost': '机关运行经费',
};
