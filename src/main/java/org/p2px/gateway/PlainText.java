package org.p2px.gateway;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.OptionalInt;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text one user writes and another reads (an ad's terms and auto-reply, a payment account, a rating's comment, an
 * appeal's statement, a chat line): no control characters and none of the characters that reorder how text is shown
 * (bidi embeddings, overrides and isolates, U+202A to U+202E and U+2066 to U+2069: with them a text can show an IBAN
 * or an amount other than the one it holds). A {@link #multiLine()} text (the default) may hold line breaks
 * ({@code \n}, not {@code \r}) and tabs, as a chat line may; a single-line one (a holder's name, account details)
 * none. The refusal names the first such character's code point; null is valid.
 */
@Documented
@Constraint(validatedBy = PlainText.Check.class)
@Target({ FIELD, METHOD, PARAMETER })
@Retention(RUNTIME)
public @interface PlainText
{
    /** Whether line breaks and tabs are allowed. */
    boolean multiLine() default true;

    String message() default "must not hold control or text-direction characters.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check behind {@link PlainText}. */
    class Check implements ConstraintValidator<PlainText, String>
    {
        private boolean multiLine;

        @Override
        public void initialize(final PlainText constraint)
        {
            multiLine = constraint.multiLine();
        }

        @Override
        public boolean isValid(final String value, final ConstraintValidatorContext context)
        {
            final OptionalInt refused = value == null ? OptionalInt.empty() : firstForbidden(value, multiLine);
            if (refused.isEmpty())
            {
                return true;
            }
            // The code point is hex digits only: nothing in it is read as a message parameter or expression.
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message(refused.getAsInt())).addConstraintViolation();
            return false;
        }

        /** The first character {@code text} may not hold, if any (the same check where a value is checked by hand). */
        public static OptionalInt firstForbidden(final String text, final boolean multiLine)
        {
            return text.codePoints().filter(codePoint -> forbidden(codePoint, multiLine)).findFirst();
        }

        /** The refusal of a text holding {@code codePoint}, after the field's name. */
        public static String message(final int codePoint)
        {
            return String.format("must not hold control or text-direction characters (U+%04X).", codePoint);
        }

        /** A control character (but line breaks and tabs in a multi-line text), a bidi embedding, override or isolate. */
        public static boolean forbidden(final int codePoint, final boolean multiLine)
        {
            if (multiLine && (codePoint == '\n' || codePoint == '\t'))
            {
                return false;
            }
            return Character.getType(codePoint) == Character.CONTROL
                || (codePoint >= 0x202A && codePoint <= 0x202E)   // LRE, RLE, PDF, LRO, RLO
                || (codePoint >= 0x2066 && codePoint <= 0x2069);  // LRI, RLI, FSI, PDI
        }
    }
}
