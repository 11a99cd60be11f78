/** The embedded DuckDB store: opening the file, applying the star schema, handing out connections. */
package id.sorot.base.duckdb;
