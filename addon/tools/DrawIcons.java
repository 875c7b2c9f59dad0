import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the add-on's store images: icon.png (128x128) and logo.png (250x100), a camera glyph with
 * "GWell". Run from the repository root with {@code java addon/tools/DrawIcons.java .}; the output
 * is committed, so the image build does not run this.
 */
public final class DrawIcons {
    private static final Color TOP = new Color(0x12, 0x5E, 0x8A);
    private static final Color BOTTOM = new Color(0x0B, 0x3A, 0x5C);
    private static final Color GLYPH = new Color(0xF4, 0xF7, 0xFA);
    private static final Color LENS = new Color(0x0B, 0x3A, 0x5C);
    private static final Color ACCENT = new Color(0x4C, 0xD1, 0x8A);

    private DrawIcons() {}

    public static void main(String[] args) throws IOException {
        File dir = new File(args.length > 0 ? args[0] : ".");
        System.setProperty("java.awt.headless", "true");
        ImageIO.write(icon(), "png", new File(dir, "icon.png"));
        ImageIO.write(logo(), "png", new File(dir, "logo.png"));
    }

    static BufferedImage icon() {
        BufferedImage img = new BufferedImage(128, 128, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = start(img);
        g.setPaint(new GradientPaint(0, 0, TOP, 0, 128, BOTTOM));
        g.fill(new RoundRectangle2D.Double(4, 4, 120, 120, 28, 28));
        camera(g, 24, 18, 80);
        text(g, "GWell", 64, 112, 26f, GLYPH, true);
        g.dispose();
        return img;
    }

    static BufferedImage logo() {
        BufferedImage img = new BufferedImage(250, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = start(img);
        g.setPaint(new GradientPaint(0, 0, TOP, 0, 100, BOTTOM));
        g.fill(new RoundRectangle2D.Double(2, 2, 246, 96, 24, 24));
        camera(g, 12, 14, 76);
        text(g, "GWell", 102, 56, 40f, GLYPH, false);
        text(g, "Bridge", 104, 82, 18f, ACCENT, false);
        g.dispose();
        return img;
    }

    /** A camera body with a lens and two signal arcs, inside a {@code size}-wide box. */
    private static void camera(Graphics2D g, double x, double y, double size) {
        double s = size / 80.0;
        g.setColor(GLYPH);
        g.fill(new RoundRectangle2D.Double(x + 6 * s, y + 22 * s, 52 * s, 36 * s, 12 * s, 12 * s));
        g.fill(new RoundRectangle2D.Double(x + 18 * s, y + 16 * s, 18 * s, 10 * s, 5 * s, 5 * s));
        g.setColor(LENS);
        g.fill(new Ellipse2D.Double(x + 19 * s, y + 27 * s, 26 * s, 26 * s));
        g.setColor(GLYPH);
        g.fill(new Ellipse2D.Double(x + 25 * s, y + 33 * s, 14 * s, 14 * s));
        g.setColor(LENS);
        g.fill(new Ellipse2D.Double(x + 29 * s, y + 37 * s, 6 * s, 6 * s));
        g.setColor(ACCENT);
        g.setStroke(new BasicStroke((float) (4 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 2; i++) {
            double r = (8 + 9 * i) * s;
            double cx = x + 62 * s;
            double cy = y + 22 * s;
            g.draw(new Arc2D.Double(cx - r, cy - r, 2 * r, 2 * r, -10, 100, Arc2D.OPEN));
        }
    }

    private static void text(Graphics2D g, String s, double x, double baseline, float size, Color c, boolean center) {
        g.setFont(new Font("DejaVu Sans", Font.BOLD, Math.round(size)).deriveFont(size));
        g.setColor(c);
        FontMetrics m = g.getFontMetrics();
        double left = center ? x - m.stringWidth(s) / 2.0 : x;
        g.drawString(s, (float) left, (float) baseline);
    }

    private static Graphics2D start(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }
}
