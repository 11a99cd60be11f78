/**
 * Loading source tables as they come (TSV copied from PDFs, CSV, XLSX) into the star schema: job
 * specs from etl/jobs, layout reading, Indonesian numbers, OPD resolution, atomic batches with lineage.
 */
package id.sorot.etl;
