/** The HTTP API's own description (OpenAPI), written from the cube and job catalogs. */
package id.sorot.api;
