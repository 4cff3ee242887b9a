/** Alert titles in dark text: the light alerts' own title colour (yellow, orange) is below 4.5:1 on their tint. */
export const READABLE_ALERT_TITLE = { title: { color: 'var(--mantine-color-dark-9)' } };
