/** Job specs: one source layout per file under etl/jobs, read strictly and checked against its target; the catalog of them. */
package id.sorot.etl.job;
