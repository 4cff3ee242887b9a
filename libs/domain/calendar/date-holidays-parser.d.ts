// date-holidays-parser ships types but does not point to them from its "exports": this does.
declare module 'date-holidays-parser' {
  import Holidays from 'date-holidays';

  /** The date-holidays API over a data set of one's own (here: the Nordic extract). */
  export default class HolidaysParser extends Holidays {
    constructor(data: object, country?: string, state?: string, region?: string, opts?: object);
  }
}
