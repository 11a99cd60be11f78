/**
 * Who may do what: users, their role and the pemda (and OPD) they belong to, personal access
 * tokens, sign-in failures and the audit log, all in the store. {@link id.sorot.access.Actor} is
 * the signed-in person as the rest of Sorot sees them, {@link id.sorot.access.Scope} the rows they
 * may read, which the cube layer applies to every query.
 */
package id.sorot.access;
