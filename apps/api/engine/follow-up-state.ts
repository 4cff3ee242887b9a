export const FOLLOW_UP_STATES = ['pending', 'applied'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

/** The OpenAPI description of the `followUp` field, one wording for every response that has it. */
export const FOLLOW_UP_DESCRIPTION =
  '"applied": the follow-up engine (Temporal) has carried out every change committed here. "pending": the change is saved, ' +
  'and Bevaka carries it out as soon as Temporal answers (it keeps retrying; do not send the request again).';
