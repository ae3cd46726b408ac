* read_export.do: reads this de-identified export of the MVD registry into Stata, one .dta file per
* sheet, with the codebook's variable labels and value labels (codes become labelled numbers), then
* reproduces the export's headline numbers by OUTCOMES.md:
*   - HFS success at one year (success_1y) with its Wilson 95% interval (ci proportions, wilson);
*   - the Kaplan-Meier median time to resolution of HFS (stset, stci). Stata computes the median's
*     interval by its own method, and takes the first time the curve reaches 0.5 where R (and
*     OUTCOMES.md) takes the middle of a flat stretch at exactly 0.5, so these may differ slightly
*     from read_export.R, which reproduces the registry's numbers.
* In the workbook, a sheet with more rows than Excel's 1,048,575 continues on the sheets after it (name_2,
* name_3 ...): this script appends them to the first.
* Needs Stata 14 or newer. Run it from the export's folder:   do read_export.do
* Filter of this export: {{FILTER}}

version 14
clear all
set more off

{{SHEETS}}
* Headline numbers, from the analysis sheet.
use "analysis.dta", clear
display as text "HFS success at one year, with its Wilson 95% interval:"
ci proportions success_1y if indication == "{{HFS}}":{{INDICATION_LABEL}}, wilson

display as text "HFS Kaplan-Meier median time to resolution (days):"
preserve
keep if indication == "{{HFS}}":{{INDICATION_LABEL}} & !missing(last_fu_day)
generate byte km_event = !missing(first_resolution_day)
generate double km_time = cond(km_event, first_resolution_day, last_fu_day)
stset km_time, failure(km_event)
stci, median
restore
