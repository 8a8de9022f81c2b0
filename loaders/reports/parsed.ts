/** What a framework parser reads from one report. */
export interface Parsed {
  framework: string;
  inspectionType: string;
  /** The accounting kind, e.g. "SIF re-inspection + LSCB review". */
  kind: string;
  judgements: { code: string; label: string; page: number }[];
  /** Something the accounting row should note about an ingested file. */
  note?: string;
}
