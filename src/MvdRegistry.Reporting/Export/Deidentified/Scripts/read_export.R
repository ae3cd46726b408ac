# read_export.R: reads this de-identified export of the MVD registry, applies the codebook's labels
# (codes become factors, every column gets its label as the "label" attribute), and reproduces the
# export's headline numbers by OUTCOMES.md:
#   - HFS success at one year (success_1y) with its Wilson 95% interval;
#   - the Kaplan-Meier median time to resolution of HFS, with its 95% interval.
# Needs R (>= 4.0) and the survival package (recommended, shipped with R); an xlsx export also needs readxl.
# Usage: Rscript read_export.R [folder of the export]   (default: the folder of this script)
# In an R session: source("read_export.R") leaves the sheets as data frames: patients, operations,
# imaging, followups, complications, analysis, codebook.

suppressPackageStartupMessages(library(survival))

workbook <- "{{WORKBOOK}}"  # empty for a CSV export
export_filter <- "{{FILTER}}"
export_dir <- local({
  args <- commandArgs(trailingOnly = TRUE)
  file_arg <- grep("^--file=", commandArgs(FALSE), value = TRUE)
  if (length(args) >= 1) args[1]
  else if (length(file_arg) == 1) dirname(normalizePath(sub("^--file=", "", file_arg)))
  else if (!is.null(sys.frame(1)$ofile)) dirname(normalizePath(sys.frame(1)$ofile))
  else getwd()
})

# Every cell as text first (empty = NA), so that codes such as "1" stay codes. In the workbook, a sheet with more rows
# than Excel's 1,048,575 continues on the sheets after it, name_2, name_3 ...: read in order and bound together.
read_sheet <- function(name) {
  if (nzchar(workbook)) {
    if (!requireNamespace("readxl", quietly = TRUE)) stop("reading the xlsx export needs the readxl package: install.packages(\"readxl\")")
    path <- file.path(export_dir, workbook)
    all <- readxl::excel_sheets(path)
    if (!name %in% all) stop(sprintf("%s has no sheet %s", workbook, name))
    parts <- name
    while (paste0(name, "_", length(parts) + 1) %in% all) parts <- c(parts, paste0(name, "_", length(parts) + 1))
    d <- do.call(rbind, lapply(parts, function(part)
      as.data.frame(readxl::read_excel(path, sheet = part, col_types = "text", na = ""))))
  } else {
    d <- read.csv(file.path(export_dir, paste0(name, ".csv")), colClasses = "character", na.strings = "",
                  check.names = FALSE, encoding = "UTF-8", fileEncoding = "UTF-8")
  }
  d
}

codebook <- read_sheet("codebook")

parse_codes <- function(text) {
  if (is.na(text) || !nzchar(text)) return(NULL)
  pairs <- strsplit(strsplit(text, "|", fixed = TRUE)[[1]], "=", fixed = TRUE)
  data.frame(code = vapply(pairs, `[`, "", 1),
             label = vapply(pairs, function(p) paste(p[-1], collapse = "="), ""),
             stringsAsFactors = FALSE)
}

# Numbers as numbers (binary columns stay 0/1 numbers, their codes are in the codebook), codes as
# factors labelled by the codebook, and each column's label as its "label" attribute.
apply_codebook <- function(d, sheet) {
  entries <- codebook[codebook$sheet == sheet, ]
  for (i in seq_len(nrow(entries))) {
    column <- entries$column[i]
    if (!column %in% names(d)) stop(sprintf("%s has no column %s listed in the codebook", sheet, column))
    type <- entries$type[i]
    if (type %in% c("integer", "decimal", "binary")) {
      d[[column]] <- as.numeric(d[[column]])
    } else if (type == "code") {
      codes <- parse_codes(entries$codes[i])
      d[[column]] <- factor(d[[column]], levels = codes$code, labels = codes$label)
    }
    attr(d[[column]], "label") <- entries$label[i]
  }
  d
}

sheets <- c("patients", "operations", "imaging", "followups", "complications", "analysis")
raw <- lapply(setNames(sheets, sheets), read_sheet)
for (sheet in sheets) assign(sheet, apply_codebook(raw[[sheet]], sheet))

# Headline numbers, from the raw codes (the definitions of OUTCOMES.md).
a <- raw$analysis
hfs <- a[!is.na(a$indication) & a$indication == "HFS", ]

success <- as.numeric(hfs$success_1y)
success <- success[!is.na(success)]
x <- sum(success)
n <- length(success)
if (n > 0) {
  wilson <- suppressWarnings(prop.test(x, n, correct = FALSE)$conf.int)
} else {
  wilson <- c(NA, NA)
}

followed <- hfs[!is.na(hfs$last_fu_day), ]
resolved <- !is.na(followed$first_resolution_day)
km_time <- ifelse(resolved, as.numeric(followed$first_resolution_day), as.numeric(followed$last_fu_day))
if (nrow(followed) > 0) {
  fit <- survfit(Surv(km_time, resolved) ~ 1, conf.type = "log")
  q <- quantile(fit, probs = 0.5)
  km <- c(unname(q$quantile), unname(q$lower), unname(q$upper))
} else {
  km <- c(NA, NA, NA)
}

show <- function(v) if (is.na(v)) "NA" else format(v, digits = 15)
cat(sprintf("MVD registry de-identified export (%s): %d operations, %d HFS\n", export_filter, nrow(a), nrow(hfs)))
percent <- function(v) if (is.na(v)) "NA" else sprintf("%.1f%%", 100 * v)
cat(sprintf("HFS success at one year: %d of %d, %s (Wilson 95%% CI %s to %s)\n", x, n,
            if (n > 0) percent(x / n) else "no operation", percent(wilson[1]), percent(wilson[2])))
cat(sprintf("HFS Kaplan-Meier median time to resolution: %s days (95%% CI %s to %s), %d operations, %d resolved\n",
            show(km[1]), show(km[2]), show(km[3]), nrow(followed), sum(resolved)))
# The same, one number a line, for programs.
cat(sprintf("hfs_success_1y_x = %d\n", x))
cat(sprintf("hfs_success_1y_n = %d\n", n))
cat(sprintf("hfs_success_1y_p = %s\n", if (n > 0) show(x / n) else "NA"))
cat(sprintf("hfs_success_1y_lower = %s\n", show(wilson[1])))
cat(sprintf("hfs_success_1y_upper = %s\n", show(wilson[2])))
cat(sprintf("km_resolution_n = %d\n", nrow(followed)))
cat(sprintf("km_resolution_events = %d\n", sum(resolved)))
cat(sprintf("km_resolution_median = %s\n", show(km[1])))
cat(sprintf("km_resolution_median_lower = %s\n", show(km[2])))
cat(sprintf("km_resolution_median_upper = %s\n", show(km[3])))
