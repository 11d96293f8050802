package io.synthscene.assets;

import io.synthscene.scenes.frame.Material;
import java.util.ArrayList;
import java.util.List;
import org.joml.Matrix4f;
import org.joml.Vector3f;

/**
 * Closed solids that {@link Primitives} lacks, for the procedural library: prisms extruded from a
 * side profile, hexahedra from eight corners, frusta, tori and tubes between two points. Every
 * solid is closed (each edge is shared by two triangles of opposite direction once coincident
 * vertices are welded) and wound counter-clockwise seen from outside. Asset frame: +Y up, front
 * +Z, metres. Stateless.
 */
public final class Solids {
    private Solids() {
    }

    /**
     * A prism: the polygon {@code profile} (points as {z, y}, a simple polygon in either winding)
     * extruded along x from {@code x0} to {@code x1}, flat normals on every face.
     */
    public static MeshPart prism(String slot, List<float[]> profile, float x0, float x1, Material material) {
        List<float[]> ring = counterClockwise(profile);
        int n = ring.size();
        List<float[]> positions = new ArrayList<>();
        List<float[]> normals = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        // Sides: one quad per edge; for a counter-clockwise (z, y) ring the outward normal of the
        // edge d = (dz, dy) is (dy, -dz) in (z, y).
        for (int i = 0; i < n; i++) {
            float[] a = ring.get(i);
            float[] b = ring.get((i + 1) % n);
            float dz = b[0] - a[0];
            float dy = b[1] - a[1];
            float length = (float) Math.hypot(dz, dy);
            float[] normal = {0, -dz / length, dy / length};
            int base = positions.size();
            positions.add(new float[] {x0, a[1], a[0]});
            positions.add(new float[] {x0, b[1], b[0]});
            positions.add(new float[] {x1, b[1], b[0]});
            positions.add(new float[] {x1, a[1], a[0]});
            for (int k = 0; k < 4; k++) {
                normals.add(normal);
            }
            indices.addAll(List.of(base, base + 2, base + 1, base, base + 3, base + 2));
        }
        int[] triangles = PolygonTriangulation.earClip(ring);
        for (int cap = 0; cap < 2; cap++) {
            float x = cap == 0 ? x0 : x1;
            int base = positions.size();
            for (float[] p : ring) {
                positions.add(new float[] {x, p[1], p[0]});
                normals.add(new float[] {cap == 0 ? -1 : 1, 0, 0});
            }
            for (int t = 0; t < triangles.length; t += 3) {
                // Counter-clockwise in (z, y) faces -x; the +x cap takes the reverse order.
                if (cap == 0) {
                    indices.addAll(List.of(base + triangles[t], base + triangles[t + 1], base + triangles[t + 2]));
                } else {
                    indices.addAll(List.of(base + triangles[t], base + triangles[t + 2], base + triangles[t + 1]));
                }
            }
        }
        return part(slot, positions, normals, indices, material);
    }

    /**
     * A hexahedron from eight corners, ordered like a box's: bottom face (y low) corners
     * {x0z0, x1z0, x1z1... } exactly as {@link Primitives#box}: index bit 0 = x, bit 1 = y, bit 2 = z
     * (corner k has x1 when k & 1, y1 when k & 2, z1 when k & 4). Faces must be planar or nearly so;
     * each gets the flat normal of its quad.
     */
    public static MeshPart hexahedron(String slot, float[][] corners, Material material) {
        // Faces counter-clockwise seen from outside, by corner bits (x, y, z).
        int[][] faces = {{4, 5, 7, 6}, {1, 0, 2, 3}, {5, 1, 3, 7}, {0, 4, 6, 2}, {2, 6, 7, 3}, {0, 1, 5, 4}};
        List<float[]> positions = new ArrayList<>();
        List<float[]> normals = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        for (int[] face : faces) {
            Vector3f a = vec(corners[face[0]]);
            Vector3f c = vec(corners[face[2]]);
            Vector3f b = vec(corners[face[1]]);
            Vector3f d = vec(corners[face[3]]);
            Vector3f normal = new Vector3f(c).sub(a).cross(new Vector3f(d).sub(b)).normalize();
            int base = positions.size();
            for (int k : face) {
                positions.add(corners[k].clone());
                normals.add(new float[] {normal.x, normal.y, normal.z});
            }
            indices.addAll(List.of(base, base + 1, base + 2, base, base + 2, base + 3));
        }
        return part(slot, positions, normals, indices, material);
    }

    /**
     * A tapered box: the bottom rectangle (width w0 along x, depth d0 along z) at y0, the top
     * rectangle (w1, d1) at y1, both centred on the y axis.
     */
    public static MeshPart taperedBox(String slot, float w0, float d0, float y0, float w1, float d1, float y1, Material material) {
        float[][] corners = new float[8][];
        for (int k = 0; k < 8; k++) {
            boolean top = (k & 2) != 0;
            float w = (top ? w1 : w0) / 2;
            float d = (top ? d1 : d0) / 2;
            corners[k] = new float[] {(k & 1) != 0 ? w : -w, top ? y1 : y0, (k & 4) != 0 ? d : -d};
        }
        return hexahedron(slot, corners, material);
    }

    /**
     * A capped frustum along +Y from y = 0 (radius r0) to y = h (radius r1), smooth normals on the
     * side, flat caps; {@code segments} around.
     */
    public static MeshPart frustum(String slot, float r0, float r1, float h, int segments, Material material) {
        List<float[]> positions = new ArrayList<>();
        List<float[]> normals = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        // The side's normal leans up by the slope (r0 - r1) / h.
        float slope = (r0 - r1) / h;
        float scale = (float) (1 / Math.sqrt(1 + slope * slope));
        for (int s = 0; s <= segments; s++) {
            double theta = 2 * Math.PI * s / segments;
            float sin = (float) Math.sin(theta);
            float cos = (float) Math.cos(theta);
            positions.add(new float[] {r0 * sin, 0, r0 * cos});
            positions.add(new float[] {r1 * sin, h, r1 * cos});
            float[] n = {sin * scale, slope * scale, cos * scale};
            normals.add(n);
            normals.add(n);
        }
        for (int s = 0; s < segments; s++) {
            int a = 2 * s;
            indices.addAll(List.of(a, a + 2, a + 3, a, a + 3, a + 1));
        }
        for (int cap = 0; cap < 2; cap++) {
            float r = cap == 0 ? r0 : r1;
            float y = cap == 0 ? 0 : h;
            int centre = positions.size();
            positions.add(new float[] {0, y, 0});
            normals.add(new float[] {0, cap == 0 ? -1 : 1, 0});
            for (int s = 0; s <= segments; s++) {
                double theta = 2 * Math.PI * s / segments;
                positions.add(new float[] {r * (float) Math.sin(theta), y, r * (float) Math.cos(theta)});
                normals.add(new float[] {0, cap == 0 ? -1 : 1, 0});
            }
            for (int s = 0; s < segments; s++) {
                if (cap == 0) {
                    indices.addAll(List.of(centre, centre + 2 + s, centre + 1 + s));
                } else {
                    indices.addAll(List.of(centre, centre + 1 + s, centre + 2 + s));
                }
            }
        }
        return part(slot, positions, normals, indices, material);
    }

    /**
     * A torus around the y axis, centred on the origin: the tube of radius {@code minor} follows a
     * circle of radius {@code major} in the x-z plane.
     */
    public static MeshPart torus(String slot, float major, float minor, int segments, int tubeSegments, Material material) {
        List<float[]> positions = new ArrayList<>();
        List<float[]> normals = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        int perRing = tubeSegments + 1;
        for (int s = 0; s <= segments; s++) {
            double theta = 2 * Math.PI * s / segments;
            float sin = (float) Math.sin(theta);
            float cos = (float) Math.cos(theta);
            for (int t = 0; t <= tubeSegments; t++) {
                double phi = 2 * Math.PI * t / tubeSegments;
                float radial = (float) Math.cos(phi);
                float up = (float) Math.sin(phi);
                positions.add(new float[] {(major + minor * radial) * sin, minor * up, (major + minor * radial) * cos});
                normals.add(new float[] {radial * sin, up, radial * cos});
            }
        }
        for (int s = 0; s < segments; s++) {
            for (int t = 0; t < tubeSegments; t++) {
                int a = s * perRing + t;
                int b = a + perRing;
                indices.addAll(List.of(a, b, b + 1, a, b + 1, a + 1));
            }
        }
        return part(slot, positions, normals, indices, material);
    }

    /** A capped cylinder of radius {@code r} whose axis runs from {@code from} to {@code to}. */
    public static MeshPart tube(String slot, Vector3f from, Vector3f to, float r, int segments, Material material) {
        return taperedTube(slot, from, to, r, r, segments, material);
    }

    /** A capped frustum from {@code from} (radius r0) to {@code to} (radius r1). */
    public static MeshPart taperedTube(String slot, Vector3f from, Vector3f to, float r0, float r1, int segments, Material material) {
        Vector3f axis = new Vector3f(to).sub(from);
        float length = axis.length();
        MeshPart upright = frustum(slot, r0, r1, length, segments, material);
        return upright.transformed(new Matrix4f().translation(from).mul(alignY(axis.normalize())));
    }

    /** A rotation that turns +Y onto the unit vector {@code direction}. */
    static Matrix4f alignY(Vector3f direction) {
        Vector3f up = new Vector3f(0, 1, 0);
        float dot = up.dot(direction);
        if (dot > 0.999999f) {
            return new Matrix4f();
        }
        if (dot < -0.999999f) {
            return new Matrix4f().rotateX((float) Math.PI);
        }
        Vector3f axis = up.cross(direction, new Vector3f()).normalize();
        return new Matrix4f().rotate((float) Math.acos(dot), axis);
    }

    private static List<float[]> counterClockwise(List<float[]> polygon) {
        double twiceArea = 0;
        for (int i = 0; i < polygon.size(); i++) {
            float[] a = polygon.get(i);
            float[] b = polygon.get((i + 1) % polygon.size());
            twiceArea += (double) a[0] * b[1] - (double) b[0] * a[1];
        }
        if (polygon.size() < 3 || twiceArea == 0) {
            throw new IllegalArgumentException("a prism's profile needs at least 3 points and some area");
        }
        List<float[]> ring = new ArrayList<>(polygon);
        if (twiceArea < 0) {
            java.util.Collections.reverse(ring);
        }
        return ring;
    }

    private static Vector3f vec(float[] p) {
        return new Vector3f(p[0], p[1], p[2]);
    }

    private static MeshPart part(String slot, List<float[]> positions, List<float[]> normals, List<Integer> indices, Material material) {
        float[] p = new float[positions.size() * 3];
        float[] n = new float[p.length];
        for (int i = 0; i < positions.size(); i++) {
            System.arraycopy(positions.get(i), 0, p, i * 3, 3);
            System.arraycopy(normals.get(i), 0, n, i * 3, 3);
        }
        return new MeshPart(slot, p, n, indices.stream().mapToInt(Integer::intValue).toArray(), material);
    }
}
