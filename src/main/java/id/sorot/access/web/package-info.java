/**
 * The web's doors: the sign-in page and the session filter chain for the UI (Vaadin's), a stateless
 * chain for {@code /api/**} that takes only personal access tokens, the account check behind both,
 * the first admin, and the audit of every sign-in. Everything below sees the result only through
 * {@link id.sorot.access.Access}.
 */
package id.sorot.access.web;
