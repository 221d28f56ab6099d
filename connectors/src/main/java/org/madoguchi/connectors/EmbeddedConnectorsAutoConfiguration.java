package org.madoguchi.connectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import javax.sql.DataSource;
import org.madoguchi.connectors.handoff.DepartmentHandoffConnector;
import org.madoguchi.connectors.handoff.EmbeddedDepartmentHandoffConnector;
import org.madoguchi.connectors.notice.EmbeddedMoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNoticeConnector;
import org.madoguchi.connectors.registry.EmbeddedResidentRegistryConnector;
import org.madoguchi.connectors.registry.ResidentRegistryConnector;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;

/**
 * The embedded connectors, serving from the application's own database. A deployment that talks to its
 * real registry or department systems defines its own connector bean and this one steps aside.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
public class EmbeddedConnectorsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(ResidentRegistryConnector.class)
  EmbeddedResidentRegistryConnector embeddedResidentRegistryConnector(DataSource dataSource,
      ObjectMapper objectMapper) throws MetaDataAccessException {
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    return new EmbeddedResidentRegistryConnector(JdbcClient.create(dataSource),
        sequence(product, dataSource, "atena_number_serial"),
        sequence(product, dataSource, "household_number_serial"),
        objectMapper, Clock.systemDefaultZone());
  }

  @Bean
  @ConditionalOnMissingBean(MoveOutNoticeConnector.class)
  EmbeddedMoveOutNoticeConnector embeddedMoveOutNoticeConnector(DataSource dataSource) {
    return new EmbeddedMoveOutNoticeConnector(JdbcClient.create(dataSource));
  }

  @Bean
  @ConditionalOnMissingBean(DepartmentHandoffConnector.class)
  EmbeddedDepartmentHandoffConnector embeddedDepartmentHandoffConnector(DataSource dataSource) {
    return new EmbeddedDepartmentHandoffConnector(JdbcClient.create(dataSource), Clock.systemDefaultZone());
  }

  private static DataFieldMaxValueIncrementer sequence(String databaseProduct, DataSource dataSource,
      String name) {
    return switch (databaseProduct) {
      case "PostgreSQL" -> new PostgresSequenceMaxValueIncrementer(dataSource, name);
      case "H2" -> new H2SequenceMaxValueIncrementer(dataSource, name);
      default -> throw new IllegalStateException("the embedded registry supports H2 and PostgreSQL, not "
          + databaseProduct);
    };
  }
}
