export { toDataFrame, type Cell } from "./data-frame";
export { tableHtml, type TableHtmlOptions } from "./table-html";
export { showTable } from "./show-table";
export { saveTable } from "./save-table";
export { csvRows, csvText } from "./csv-text";
