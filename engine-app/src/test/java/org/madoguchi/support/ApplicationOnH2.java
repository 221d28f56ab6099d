package org.madoguchi.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The whole application on a random port over an in-memory H2 database; test classes share one context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "madoguchi.data-dir=target/it-data/h2",
    "spring.datasource.url=jdbc:h2:mem:madoguchi-it;DB_CLOSE_DELAY=-1"})
@Import(CardReaderAtTheCounter.Configuration.class)
public @interface ApplicationOnH2 {
}
