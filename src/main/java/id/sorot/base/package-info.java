/** What every feature shares: settings, the DuckDB store, YAML definition reading and the UI shell. */
package id.sorot.base;
