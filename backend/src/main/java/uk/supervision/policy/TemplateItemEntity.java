package uk.supervision.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("template_item")
public record TemplateItemEntity(@Id String id, String templateId, int position, String itemKey, String section,
                                 String label, @Nullable String hint, String answerType, @Nullable String functionTag,
                                 boolean required) {
}
