/** The OPD profile view. */
package id.sorot.profile.ui;
