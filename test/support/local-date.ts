/** Today's date (YYYY-MM-DD) in the plans' timezone: what a person means by "today" when logging a time. */
export const todayInStockholm = (): string => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
