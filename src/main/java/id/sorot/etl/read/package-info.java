/** Bytes to typed records: sniffing a file, delimited and XLSX rows, chunking for parallel reads, layouts, Indonesian numbers, and the problems found on the way, each naming file, row, column and value. */
package id.sorot.etl.read;
