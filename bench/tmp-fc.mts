import { timeFirstCharts } from "./site.ts";
console.log(JSON.stringify(await timeFirstCharts(process.argv[2] ?? "dist", ["/", "/authorities/333"], 5)));
