package org.p2px.gateway.trade;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A name from a fixed set, as {@link WireValues} reads it: surrounding white space and letter case do not matter;
 * null (omitted) is valid. The violation's message lists the names: "must be FIAT or ASSET".
 */
@Documented
@Constraint(validatedBy = OneOf.Check.class)
@Target({ FIELD, METHOD, PARAMETER })
@Retention(RUNTIME)
public @interface OneOf
{
    /** The names, upper case. */
    String[] value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check behind {@link OneOf}. */
    class Check implements ConstraintValidator<OneOf, String>
    {
        private List<String> names;

        @Override
        public void initialize(final OneOf constraint)
        {
            names = List.of(constraint.value());
        }

        @Override
        public boolean isValid(final String value, final ConstraintValidatorContext context)
        {
            if (value == null || names.contains(WireValues.upper(value)))
            {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be " + String.join(", ", names.subList(0, names.size() - 1))
                + " or " + names.get(names.size() - 1)).addConstraintViolation();
            return false;
        }
    }
}
