// How the reports write numbers: "–" for nothing measured, milliseconds with one decimal below 10.
export const ms = (value: number | undefined | null) =>
  value === undefined || value === null || Number.isNaN(value) ? "–" : value < 10 ? value.toFixed(1) : value.toFixed(0);
export const num = (value: number | null, unit = "", digits = 0) =>
  value === null ? "–" : `${value.toFixed(digits)}${unit}`;
export const pct = (part: number, whole: number) =>
  whole === 0 ? "–" : `${((part / whole) * 100).toFixed(part === whole ? 0 : 3)} %`;
