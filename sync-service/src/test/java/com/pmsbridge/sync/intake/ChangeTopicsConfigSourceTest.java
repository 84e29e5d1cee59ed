package com.pmsbridge.sync.intake;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Topics;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeTopicsConfigSourceTest {

    @Test
    void givenTheContract_whenTheProjectionsTopicsAreAskedFor_thenEveryEntityTypesChangeTopicIsNamed() {
        String topics = new ChangeTopicsConfigSource().getValue(ChangeTopicsConfigSource.PROPERTY);

        assertThat(List.of(topics.split(",")))
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(EntityType.values()).map(Topics::changes).toList());
    }

    @Test
    void givenApplicationProperties_whenOrdered_thenAnExplicitListStillWins() {
        assertThat(new ChangeTopicsConfigSource().getOrdinal()).isLessThan(250); // application.properties: 250
    }
}
