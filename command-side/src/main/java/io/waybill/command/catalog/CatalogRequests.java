package io.waybill.command.catalog;

import io.waybill.api.catalog.CatalogDetails;
import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.catalog.LocationDetails;
import io.waybill.api.catalog.MaterialDetails;
import io.waybill.api.catalog.MaterialTypeDetails;
import io.waybill.api.catalog.SkuDetails;
import io.waybill.api.catalog.SkuTypeDetails;
import io.waybill.api.catalog.VendorDetails;
import io.waybill.platform.request.CheckedRequest;
import io.waybill.platform.request.Decimal;
import io.waybill.platform.request.Name;
import io.waybill.platform.request.Problems;
import io.waybill.platform.request.Sid;
import io.waybill.platform.request.Text;
import org.hibernate.validator.constraints.Range;
import org.openapitools.jackson.nullable.JsonNullable;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static io.waybill.platform.request.Decimal.Sign.NOT_NEGATIVE;

/**
 * The bodies of the catalog endpoints, one record per kind, with the same fields as the kind's details (a test holds
 * them together) and the seed's lengths. A create takes a field left out and one set to null alike; a partial
 * update leaves the first as it is and removes the second.
 */
final class CatalogRequests {

    static final int TEXT = 4000;
    private static final String RANGE = "must be between {min} and {max}";
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private CatalogRequests() {
    }

    /** A body of one kind of record; {@link #details()} holds the fields given with a value. */
    sealed interface CatalogRequest extends CheckedRequest permits LocationRequest, VendorRequest,
            MaterialTypeRequest, SkuTypeRequest, MaterialRequest, SkuRequest {

        CatalogDetails details();

        @Override
        default void check(Problems problems) {
        }
    }

    static Class<? extends CatalogRequest> of(CatalogKind kind) {
        return switch (kind) {
            case LOCATION -> LocationRequest.class;
            case VENDOR -> VendorRequest.class;
            case MATERIAL_TYPE -> MaterialTypeRequest.class;
            case SKU_TYPE -> SkuTypeRequest.class;
            case MATERIAL -> MaterialRequest.class;
            case SKU -> SkuRequest.class;
        };
    }

    /** The fields a create must give. */
    static Set<String> required(CatalogKind kind) {
        return kind == CatalogKind.MATERIAL || kind == CatalogKind.SKU ? Set.of("code", "name", "typeId")
                : Set.of("name");
    }

    record LocationRequest(@Text(max = 100) JsonNullable<String> name, @Text(max = TEXT) JsonNullable<String> address,
                           @Text(max = 150) JsonNullable<String> city, @Text(max = 100) JsonNullable<String> state,
                           @Text(max = 2) JsonNullable<String> country, @Text(max = 20) JsonNullable<String> zipCode,
                           @Text(max = TEXT) JsonNullable<String> notes,
                           @Range(min = 0, max = Integer.MAX_VALUE, message = RANGE) JsonNullable<Integer> sortOrder,
                           JsonNullable<Boolean> isActive) implements CatalogRequest {

        @Override
        public void check(Problems problems) {
            checkCountry(country, problems);
        }

        @Override
        public LocationDetails details() {
            return new LocationDetails(v(name), v(address), v(city), v(state), upper(country), v(zipCode), v(notes),
                    v(sortOrder), v(isActive));
        }
    }

    record VendorRequest(@Name JsonNullable<String> name, @Text(max = TEXT) JsonNullable<String> address,
                         @Name JsonNullable<String> city, @Name JsonNullable<String> state,
                         @Text(max = 2) JsonNullable<String> country, @Name JsonNullable<String> zipCode,
                         @Name JsonNullable<String> term, @Name JsonNullable<String> qboId,
                         @Text(max = TEXT) JsonNullable<String> notes, JsonNullable<Boolean> isActive)
            implements CatalogRequest {

        @Override
        public void check(Problems problems) {
            checkCountry(country, problems);
        }

        @Override
        public VendorDetails details() {
            return new VendorDetails(v(name), v(address), v(city), v(state), upper(country), v(zipCode), v(term),
                    v(qboId), v(notes), v(isActive));
        }
    }

    record MaterialTypeRequest(@Text(max = 100) JsonNullable<String> name, JsonNullable<Integer> sortOrder,
                               JsonNullable<Boolean> isActive) implements CatalogRequest {

        @Override
        public MaterialTypeDetails details() {
            return new MaterialTypeDetails(v(name), v(sortOrder), v(isActive));
        }
    }

    record SkuTypeRequest(@Text(max = 100) JsonNullable<String> name, JsonNullable<Integer> sortOrder,
                          JsonNullable<Boolean> isActive) implements CatalogRequest {

        @Override
        public SkuTypeDetails details() {
            return new SkuTypeDetails(v(name), v(sortOrder), v(isActive));
        }
    }

    record MaterialRequest(@Text(max = 100) JsonNullable<String> code, @Name JsonNullable<String> name,
                           @Sid JsonNullable<String> typeId, @Text(max = TEXT) JsonNullable<String> notes,
                           JsonNullable<Boolean> isActive) implements CatalogRequest {

        @Override
        public MaterialDetails details() {
            return new MaterialDetails(v(code), v(name), v(typeId), v(notes), v(isActive));
        }
    }

    record SkuRequest(@Text(max = 100) JsonNullable<String> code, @Name JsonNullable<String> name,
                      @Sid JsonNullable<String> typeId,
                      @Range(min = 1, max = Integer.MAX_VALUE, message = RANGE) JsonNullable<Integer> itemsPerUnit,
                      @Decimal(NOT_NEGATIVE) JsonNullable<BigDecimal> ozPerItem, @Name JsonNullable<String> qboId,
                      @Text(max = TEXT) JsonNullable<String> notes, JsonNullable<Boolean> isActive)
            implements CatalogRequest {

        @Override
        public SkuDetails details() {
            return new SkuDetails(v(code), v(name), v(typeId), v(itemsPerUnit), v(ozPerItem), v(qboId), v(notes),
                    v(isActive));
        }
    }

    /** The field's value; null when it was left out or set to null. */
    private static <T> T v(JsonNullable<T> field) {
        return field.orElse(null);
    }

    /** An ISO 3166 alpha-2 code, kept upper case (a code that is not one was refused by the check). */
    private static String upper(JsonNullable<String> country) {
        String code = v(country);
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }

    private static void checkCountry(JsonNullable<String> country, Problems problems) {
        String code = v(country);
        if (code != null && !COUNTRY.matcher(code).matches()) {
            problems.reject("country", "must be 2 letters");
        }
    }
}
