/** EMVCo merchant-presented QR payloads over the codec, for the API's QR codes. May depend on core and the codec. */
package org.corridor.services.qr;
