import { fileURLToPath } from "node:url";

/**
 * The report bundled with the app: "Informatīvais ziņojums par Programmas cilvēku
 * tirdzniecības novēršanai 2009.–2013.gadam īstenošanu" (Iekšlietu ministrija), text as
 * extracted from the PDF. Imported on first start when the store is empty. See README.md here.
 */
export const BUNDLED_REPORT_PATH = fileURLToPath(
  new URL("./thb-programme-2009-2013-report.txt", import.meta.url),
);
