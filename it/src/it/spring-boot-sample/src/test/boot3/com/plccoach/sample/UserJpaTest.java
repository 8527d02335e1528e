package com.plccoach.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.spring.PlccoachMigrationInitializer;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.ApplicationContext;

/** Boot 3.5: the slice lives in spring-boot-test-autoconfigure; the starter's migration runs in it too. */
@DataJpaTest
class UserJpaTest {

    @Autowired
    EntityManager entities;

    @Autowired
    ApplicationContext context;

    @Test
    void theSliceMigratesTheDatabaseItself() {
        // not left to another test class having started the whole service first
        assertThat(context.getBeansOfType(PlccoachMigrationInitializer.class)).hasSize(1);
    }

    @Test
    void anEntityOverUsersIsSavedAndReadBackFromTheMigratedTable() {
        User saved = new User("ada@school.org", "Ada");
        entities.persist(saved);
        entities.flush();
        entities.clear();
        User read = entities.find(User.class, saved.getId());
        assertThat(read.getEmail()).isEqualTo("ada@school.org");
        assertThat(read.getRole()).isEqualTo("teacher");
    }
}
