package io.waybill.query.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a projection keeps, and only it: a replay rebuilds exactly these, into copies, and puts the copies'
 * rows in their place when it has caught up. A projection reads and writes no other table.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadModelTables {

    String[] value();
}
