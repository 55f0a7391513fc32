/**
 * Public-source connectors: pull a published data set (Our World in Data grapher CSV, the World
 * Bank's indicators API, UCDP's event API, any SDMX REST endpoint) over HTTP, map its codes to
 * Vigil's indicators and areas with a mapping kept as data ({@code /sources/sources.json}), and
 * store it through the normal ingest path as one batch that records the source's licence and
 * citation.
 */
package org.vigil.app.sources;
