/** The UI shell every view shares: page shell, main layout, translations, number formats, error handling. */
package id.sorot.base.ui;
