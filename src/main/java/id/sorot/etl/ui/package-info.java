/** The import screen: upload, layout detection, preview with problems and checks, load, batch history. */
package id.sorot.etl.ui;
