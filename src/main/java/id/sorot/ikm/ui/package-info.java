/** The IKM comparison view. */
package id.sorot.ikm.ui;
