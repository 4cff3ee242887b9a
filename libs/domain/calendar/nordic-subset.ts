/** The part of date-holidays' data set that Bevaka's calendars use (and its holiday names). */
export const NORDIC_COUNTRIES = ['SE', 'DK', 'NO'] as const;

export interface HolidayDataSet {
  version: string;
  license: string;
  holidays: Record<string, unknown>;
  names: Record<string, unknown>;
}

export function nordicSubset(all: HolidayDataSet): HolidayDataSet {
  return {
    version: all.version,
    license: all.license,
    holidays: Object.fromEntries(NORDIC_COUNTRIES.map((c) => [c, all.holidays[c]])),
    names: all.names,
  };
}
