package io.journeyengine.api.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.journeyengine.journey.privacy.DataSubject;
import io.journeyengine.journey.privacy.PersonalData;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Crypto-shredding in the serializer of events, snapshots and dead letters (Axon's ObjectMapper only; HTTP answers
 * are untouched): every {@link PersonalData} string is written as {@code {"sealed": "<keyId>.<ciphertext>"}}, encrypted
 * with the key of the {@link DataSubject} it sits in (the event's customer; a merged profile carried inside another
 * customer's event keeps its own customer), and read back in clear, or as {@code [erased]} once that key is gone.
 * <p>
 * Reading does not need to know which fields are personal: any string that arrives as a sealed object is opened, so
 * an event written before a field was marked personal still reads, and one written after reads everywhere.
 * <p>
 * Deliberately not a Spring bean: Spring Boot adds every {@code Module} bean to the HTTP ObjectMapper, whose answers
 * must show the values in clear to the callers allowed to see them.
 */
public class PersonalDataModule extends SimpleModule {

    static final String SEALED = "sealed";

    /** The customers whose values are being written, innermost last (a merged profile inside an event). */
    private static final ThreadLocal<Deque<String>> SUBJECTS = ThreadLocal.withInitial(ArrayDeque::new);

    public PersonalDataModule(PersonalDataCipher cipher) {
        super("personal-data");
        SealingSerializer sealing = new SealingSerializer(cipher);
        setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                                                             List<BeanPropertyWriter> properties) {
                for (BeanPropertyWriter property : properties) {
                    if (property.getAnnotation(PersonalData.class) != null) {
                        property.assignSerializer(sealing);
                    }
                }
                return properties;
            }

            @Override
            @SuppressWarnings("unchecked")
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription bean,
                                                      JsonSerializer<?> serializer) {
                return DataSubject.class.isAssignableFrom(bean.getBeanClass())
                        ? new SubjectScope((JsonSerializer<Object>) serializer) : serializer;
            }
        });
        addDeserializer(String.class, new OpeningDeserializer(cipher));
    }

    /** Writes a personal string sealed with the current subject's key. */
    private static final class SealingSerializer extends StdSerializer<Object> {
        private final transient PersonalDataCipher cipher;

        SealingSerializer(PersonalDataCipher cipher) {
            super(Object.class);
            this.cipher = cipher;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            String subject = SUBJECTS.get().peekLast();
            if (subject == null) {
                // Never write personal data in clear: a value outside any customer's event is a programming error.
                throw JsonMappingException.from(gen, "Personal data outside a DataSubject cannot be stored");
            }
            gen.writeStartObject();
            gen.writeStringField(SEALED, cipher.seal(subject, value.toString()));
            gen.writeEndObject();
        }
    }

    /** Serializes a {@link DataSubject} with its customer as the owner of the personal values inside it. */
    private static final class SubjectScope extends JsonSerializer<Object>
            implements ContextualSerializer, ResolvableSerializer {
        private final JsonSerializer<Object> delegate;

        SubjectScope(JsonSerializer<Object> delegate) {
            this.delegate = delegate;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Deque<String> subjects = SUBJECTS.get();
            subjects.addLast(String.valueOf(((DataSubject) value).customerId()));
            try {
                delegate.serialize(value, gen, provider);
            } finally {
                subjects.removeLast();
            }
        }

        @Override
        public void serializeWithType(Object value, JsonGenerator gen, SerializerProvider provider,
                                      TypeSerializer types) throws IOException {
            Deque<String> subjects = SUBJECTS.get();
            subjects.addLast(String.valueOf(((DataSubject) value).customerId()));
            try {
                delegate.serializeWithType(value, gen, provider, types);
            } finally {
                subjects.removeLast();
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            if (delegate instanceof ContextualSerializer contextual) {
                return new SubjectScope((JsonSerializer<Object>) contextual.createContextual(provider, property));
            }
            return this;
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (delegate instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Object value) {
            return delegate.isEmpty(provider, value);
        }

        @Override
        public Class<Object> handledType() {
            return delegate.handledType();
        }
    }

    /** Reads strings as Jackson does, and a sealed object as the value it holds (or [erased]). */
    private static final class OpeningDeserializer extends StdScalarDeserializer<String> {
        private final transient PersonalDataCipher cipher;

        OpeningDeserializer(PersonalDataCipher cipher) {
            super(String.class);
            this.cipher = cipher;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return StringDeserializer.instance.deserialize(p, context);
            }
            String sealed = null;
            for (JsonToken token = p.nextToken(); token == JsonToken.FIELD_NAME; token = p.nextToken()) {
                String name = p.currentName();
                p.nextToken();
                if (SEALED.equals(name)) {
                    sealed = p.getValueAsString();
                } else {
                    p.skipChildren();
                }
            }
            return sealed == null ? PersonalData.ERASED : cipher.open(sealed);
        }
    }
}
