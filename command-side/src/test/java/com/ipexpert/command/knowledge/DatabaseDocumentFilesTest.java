package com.ipexpert.command.knowledge;

import com.ipexpert.api.knowledge.DocumentId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database file store, on the real schema: what one instance stores, another instance reads. */
class DatabaseDocumentFilesTest {
    private DocumentFiles firstInstance;
    private DocumentFiles secondInstance;

    @BeforeEach
    void schema() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:files-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        firstInstance = new DatabaseDocumentFiles(JdbcClient.create(db), new DataSourceTransactionManager(db), Clock.systemUTC());
        secondInstance = new DatabaseDocumentFiles(JdbcClient.create(db), new DataSourceTransactionManager(db), Clock.systemUTC());
    }

    @Test
    void a_file_stored_by_one_instance_is_read_whole_by_another() {
        DocumentId doc = DocumentId.of(UUID.randomUUID().toString());
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < content.length; i++) content[i] = (byte) (i * 31);
        firstInstance.store(doc, content);
        assertThat(secondInstance.exists(doc)).isTrue();
        assertThat(secondInstance.read(doc)).isEqualTo(content);
    }

    @Test
    void storing_again_replaces_the_file() {
        DocumentId doc = DocumentId.of(UUID.randomUUID().toString());
        firstInstance.store(doc, "first".getBytes(StandardCharsets.UTF_8));
        secondInstance.store(doc, "second".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(firstInstance.read(doc), StandardCharsets.UTF_8)).isEqualTo("second");
    }

    @Test
    void a_deleted_file_is_gone_for_every_instance_and_deleting_twice_is_no_error() {
        DocumentId doc = DocumentId.of(UUID.randomUUID().toString());
        firstInstance.store(doc, new byte[]{1, 2, 3});
        secondInstance.delete(doc);
        secondInstance.delete(doc);
        assertThat(firstInstance.exists(doc)).isFalse();
        assertThatThrownBy(() -> firstInstance.read(doc)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot be read");
    }
}
