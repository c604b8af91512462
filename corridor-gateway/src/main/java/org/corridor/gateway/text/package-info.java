/** Reading the gateway's text inputs (routing tables, rate files) within limits. Depends on the JDK only. */
package org.corridor.gateway.text;
