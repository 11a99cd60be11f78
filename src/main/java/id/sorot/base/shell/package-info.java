/**
 * Command-line verbs ({@code sorot etl ...}): each verb is a bean run by Spring Boot's own means, an
 * {@link org.springframework.boot.ApplicationRunner} in a non-web, lazily initialised application,
 * whose exit code goes through {@link org.springframework.boot.ExitCodeGenerator}.
 */
package id.sorot.base.shell;
