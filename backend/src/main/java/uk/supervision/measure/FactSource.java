package uk.supervision.measure;

import java.util.List;

/**
 * A measure source whose queries are kept as month facts (decision 0037): its named specs, and a query finding the
 * times (the column each spec reads the period from) of its rows changed since a time, so that only those months
 * are written again.
 */
interface FactSource {

    /** The named specs of an organisation, as the source's own reads use them. */
    List<SourceSql.Spec> factSpecs(String organisationId);

    /** SELECT of one timestamp column: the period times of the rows changed after {@code since}. */
    SourceFacts.Changes changedSince(String organisationId, java.sql.Timestamp since);
}
