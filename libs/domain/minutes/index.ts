/** Reading meeting minutes for follow-up (issue 15). Pure: no I/O, no clock. */
export * from './types';
export { readMinutes, ReadMinutesOptions } from './read-minutes';
export { classifySentence, SentenceFinding } from './classify';
export { readDeadline } from './deadline';
export { matchOwner, OwnerDirectory, OwnerMatch } from './match-owner';
export * from './preview';
export * from './choices';
export { minutesText, MinutesDocument } from './document';
export * from './open-question';
