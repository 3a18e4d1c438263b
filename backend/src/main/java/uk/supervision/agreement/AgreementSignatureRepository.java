package uk.supervision.agreement;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

/** Insert and read only: a signature is never changed or removed. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface AgreementSignatureRepository extends GenericRepository<AgreementSignature, String> {
    AgreementSignature save(AgreementSignature signature);

    List<AgreementSignature> findByAgreementIdInOrderBySignedAt(Collection<String> agreementIds);
}
