package org.madoguchi.registry;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:registry;DB_CLOSE_DELAY=-1",
    "spring.datasource.username=sa",
    "spring.datasource.password="})
class EmbeddedRegistryChangesOnH2Test extends EmbeddedRegistryChanges {
}
