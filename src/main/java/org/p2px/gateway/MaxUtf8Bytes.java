package org.p2px.gateway;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * At most {@link #value()} bytes once encoded in UTF-8; null is valid. For passwords: bcrypt reads only the first
 * 72 bytes, so a longer password would be cut silently and two passwords sharing those bytes would both match.
 */
@Documented
@Constraint(validatedBy = MaxUtf8Bytes.Check.class)
@Target({ FIELD, METHOD, PARAMETER })
@Retention(RUNTIME)
public @interface MaxUtf8Bytes
{
    /** bcrypt's limit. */
    int BCRYPT = 72;

    int value();

    String message() default "must be at most {value} bytes in UTF-8";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check behind {@link MaxUtf8Bytes}. */
    class Check implements ConstraintValidator<MaxUtf8Bytes, String>
    {
        private int max;

        @Override
        public void initialize(final MaxUtf8Bytes constraint)
        {
            max = constraint.value();
        }

        @Override
        public boolean isValid(final String value, final ConstraintValidatorContext context)
        {
            return value == null || value.getBytes(StandardCharsets.UTF_8).length <= max;
        }

        /** The same check where a value is checked by hand. */
        public static boolean fits(final String value, final int max)
        {
            return value.getBytes(StandardCharsets.UTF_8).length <= max;
        }
    }
}
