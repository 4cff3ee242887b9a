/**
 * The one SQL form of the substitute rule (libs/domain/escalation: `actingPerson`): the people for
 * whom `substitute` stands in on `day`, both days of a period included. Arguments are the query's
 * placeholders (`$1`, `$2`), never values.
 */
export function peopleStoodInFor(substitute: string, day: string): string {
  return `(SELECT person_id FROM substitute WHERE substitute_person_id = ${substitute} AND starts_on <= ${day}::date AND ends_on >= ${day}::date)`;
}
