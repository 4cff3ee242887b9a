/**
 * The one SQL form of the substitute rule (libs/domain/escalation: `actingPerson`): a substitution
 * is in force on `day` from its first to its last day, both included. Arguments are the query's
 * placeholders (`$1`, `$2`), never values.
 */
export function substitutionInForce(day: string): string {
  return `starts_on <= ${day}::date AND ends_on >= ${day}::date`;
}

/** The people for whom `substitute` stands in on `day`. */
export function peopleStoodInFor(substitute: string, day: string): string {
  return `(SELECT person_id FROM substitute WHERE substitute_person_id = ${substitute} AND ${substitutionInForce(day)})`;
}
