/**
 * The admin's screens ({@code /admin/pengguna}: users, roles, memberships; {@code /admin/audit}: the
 * audit log and its export) and every user's own page ({@code /akun}: password and tokens). Each
 * change goes through {@link id.sorot.access.UserAdmin}, which checks who may make it and logs it.
 */
package id.sorot.admin.ui;
