package org.madoguchi.connectors.notice;

import java.time.Clock;
import org.madoguchi.connectors.EmbeddedConnectorsAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offers a {@link CsvMoveOutNoticeImporter} wherever notices are kept in a {@link MoveOutNoticeStore} (the
 * embedded notices), storing each file in one transaction of the application's transaction manager. With
 * {@code madoguchi.connectors.notice.mode=http} there is no store, and no importer.
 */
@AutoConfiguration(after = {EmbeddedConnectorsAutoConfiguration.class, TransactionAutoConfiguration.class})
@ConditionalOnBean(MoveOutNoticeStore.class)
class MoveOutNoticeImportAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  CsvMoveOutNoticeImporter csvMoveOutNoticeImporter(MoveOutNoticeStore store,
      ObjectProvider<PlatformTransactionManager> transactionManager) {
    PlatformTransactionManager manager = transactionManager.getIfUnique();
    TransactionOperations transaction = manager == null ? TransactionOperations.withoutTransaction()
        : new TransactionTemplate(manager);
    return new CsvMoveOutNoticeImporter(store, transaction, Clock.systemDefaultZone());
  }
}
