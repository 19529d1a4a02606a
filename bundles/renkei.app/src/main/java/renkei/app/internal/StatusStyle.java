// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;

import renkei.platform.Severity;
import renkei.spi.HealthStatus;

/**
 * The one look of a status everywhere in the console: a coloured dot and a text colour per health
 * status, notification severity and log severity. The dots are drawn in code (no image files) at
 * every zoom level. Resources belong to the owning control and are freed with it. UI thread only.
 */
public final class StatusStyle {

    private static final RGB GREEN = new RGB(0x2e, 0x7d, 0x32);
    private static final RGB GREY = new RGB(0x75, 0x75, 0x75);
    private static final RGB AMBER = new RGB(0xc7, 0x7c, 0x00);
    private static final RGB RED = new RGB(0xc6, 0x28, 0x28);
    private static final RGB BLUE = new RGB(0x15, 0x65, 0xc0);

    private static final int ICON_SIZE = 16;
    private static final int DOT_DIAMETER = 11;

    private final ResourceManager resources;
    private final Map<RGB, Image> dots = new HashMap<>();

    public StatusStyle(Control owner) {
        this.resources = new LocalResourceManager(JFaceResources.getResources(), owner);
    }

    public Image icon(HealthStatus status) {
        return dot(rgb(status));
    }

    public Color color(HealthStatus status) {
        return resources.create(ColorDescriptor.createFrom(rgb(status)));
    }

    public Image icon(Severity severity) {
        return dot(rgb(severity));
    }

    public Color color(Severity severity) {
        return resources.create(ColorDescriptor.createFrom(rgb(severity)));
    }

    /** For {@link IStatus} severities as found in the platform log. */
    public Image iconForLogSeverity(int severity) {
        return dot(rgbForLogSeverity(severity));
    }

    public Color colorForLogSeverity(int severity) {
        return resources.create(ColorDescriptor.createFrom(rgbForLogSeverity(severity)));
    }

    private Image dot(RGB rgb) {
        // Cached here: descriptors made from a data provider are never equal, so the resource
        // manager alone would create a new image on every label update.
        return dots.computeIfAbsent(rgb, key -> resources.create(ImageDescriptor.createFromImageDataProvider(
                zoom -> drawDot(ICON_SIZE * zoom / 100, DOT_DIAMETER * zoom / 100.0, key))));
    }

    private static RGB rgb(HealthStatus status) {
        return switch (status) {
            case OK -> GREEN;
            case UNKNOWN -> GREY;
            case WARNING -> AMBER;
            case CRITICAL -> RED;
        };
    }

    private static RGB rgb(Severity severity) {
        return switch (severity) {
            case INFO -> BLUE;
            case WARNING -> AMBER;
            case CRITICAL -> RED;
        };
    }

    private static RGB rgbForLogSeverity(int severity) {
        if ((severity & IStatus.ERROR) != 0) {
            return RED;
        }
        if ((severity & IStatus.WARNING) != 0) {
            return AMBER;
        }
        if ((severity & IStatus.INFO) != 0) {
            return BLUE;
        }
        return GREY;
    }

    /** An anti-aliased filled circle centred in a transparent square. */
    static ImageData drawDot(int size, double diameter, RGB rgb) {
        ImageData data = new ImageData(size, size, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        data.alphaData = new byte[size * size];
        int pixel = data.palette.getPixel(rgb);
        double centre = (size - 1) / 2.0;
        double radius = diameter / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double coverage = Math.max(0, Math.min(1, radius + 0.5 - Math.hypot(x - centre, y - centre)));
                data.setPixel(x, y, pixel);
                data.alphaData[y * size + x] = (byte) Math.round(coverage * 255);
            }
        }
        return data;
    }
}
